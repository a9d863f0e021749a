// Render the math that pymdownx.arithmatex (generic mode) leaves in the page,
// with the vendored KaTeX. Runs on every page load, including Material's
// instant navigation, so nothing is fetched from outside the site.
document$.subscribe(({ body }) => {
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
});
