// Render math with the vendored KaTeX on every page load (including Material's
// instant navigation), so nothing is fetched from outside the site.
document$.subscribe(({ body }) => {
  // Pages: pymdownx.arithmatex (generic mode) wraps math in .arithmatex elements.
  for (const element of body.querySelectorAll(".arithmatex")) {
    if (element.dataset.rendered) continue;
    const source = element.textContent.trim();
    const display = source.startsWith("\\[");
    katex.render(source.slice(2, -2), element, {
      displayMode: display,
      throwOnError: false,
    });
    element.dataset.rendered = "true";
  }
  // Notebook pages: markdown cells keep their $...$ and $$...$$ as text.
  for (const cell of body.querySelectorAll(".jp-MarkdownOutput")) {
    renderMathInElement(cell, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
      throwOnError: false,
    });
  }
});
