// Formulas on the page that are not typeset, KaTeX errors, and raw TeX left in the text.
() => {
  const problems = [];
  const formulas = [...document.querySelectorAll('.arithmatex')];
  for (const f of formulas) {
    if (!f.querySelector('.katex')) problems.push('not rendered: ' + f.textContent.trim().slice(0, 60));
  }
  for (const e of document.querySelectorAll('.katex-error')) {
    problems.push('KaTeX error: ' + (e.getAttribute('title') || e.textContent).slice(0, 120));
  }
  const article = document.querySelector('article') || document.body;
  const text = article.cloneNode(true);
  for (const e of text.querySelectorAll('pre, code, .katex, script, style')) e.remove();
  const raw = text.textContent.match(/.{0,30}(\$\$|\\\[|\\\(|\\begin\{).{0,30}/);
  if (raw) problems.push('raw TeX in the page: ' + JSON.stringify(raw[0]));
  return {problems, formulas: formulas.length};
}
