// Render math with the vendored KaTeX, loaded only on pages that have math, so
// nothing is fetched from outside the site and other pages stay light.
const katexBase = new URL("../vendor/katex/", document.currentScript.src);
let katexReady = null;

function loadKatex() {
  if (!katexReady) {
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("katex.min.css", katexBase);
    document.head.appendChild(css);
    const script = (name) =>
      new Promise((resolve, reject) => {
        const element = document.createElement("script");
        element.src = new URL(name, katexBase);
        element.onload = resolve;
        element.onerror = () => reject(new Error(`could not load ${element.src}`));
        document.head.appendChild(element);
      });
    katexReady = script("katex.min.js").then(() => script("auto-render.min.js"));
  }
  return katexReady;
}

document$.subscribe(async ({ body }) => {
  // Pages: pymdownx.arithmatex (generic mode) wraps math in .arithmatex elements.
  const formulas = [...body.querySelectorAll(".arithmatex:not([data-rendered])")];
  // Notebook pages: markdown cells keep their $...$ and $$...$$ as text.
  const cells = [...body.querySelectorAll(".jp-MarkdownOutput")].filter((cell) =>
    cell.textContent.includes("$"),
  );
  if (formulas.length === 0 && cells.length === 0) return;
  await loadKatex();
  for (const element of formulas) {
    const source = element.textContent.trim();
    katex.render(source.slice(2, -2), element, {
      displayMode: source.startsWith("\\["),
      throwOnError: false,
    });
    element.dataset.rendered = "true";
  }
  for (const cell of cells) {
    renderMathInElement(cell, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
      throwOnError: false,
    });
  }
});
