// Code blocks in the article that no copy button copies.
() => {
  const targets = new Set();
  for (const b of document.querySelectorAll('[data-clipboard-target]')) {
    try { targets.add(document.querySelector(b.getAttribute('data-clipboard-target'))); } catch {}
  }
  // a block whose button is there but names it wrongly is reported by the button
  return [...document.querySelectorAll('article pre > code')]
    .filter(code => !targets.has(code) && !code.parentElement.querySelector('[data-clipboard-target]'))
    .map(code => (code.parentElement.id ? '#' + code.parentElement.id + ': ' : '')
                 + code.innerText.trim().slice(0, 40));
}
