// Every figure of the article: its accessible name, drawn size, SVG text elements, and the
// contrast of its text against the card behind it (WCAG ratio).
() => {
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  return [...document.querySelectorAll('article figure.course-figure')].map((figure) => {
    const image = figure.querySelector('svg, img');
    const box = image ? image.getBoundingClientRect() : {width: 0, height: 0};
    const texts = image ? [...image.querySelectorAll('text')] : [];
    const card = getComputedStyle(figure).backgroundColor;
    const worst = texts.length
      ? Math.min(...texts.map((t) => contrast(getComputedStyle(t).fill.startsWith('rgb')
          ? getComputedStyle(t).fill : getComputedStyle(t).color, card)))
      : null;
    return {
      kind: image ? image.tagName.toLowerCase() : 'none',
      loaded: image && image.tagName === 'IMG' ? image.complete && image.naturalWidth > 0 : true,
      name: image ? (image.getAttribute('aria-label') || image.getAttribute('alt') || '') : '',
      width: box.width, height: box.height, texts: texts.length, card, contrast: worst,
      id: figure.querySelector('svg')?.id || figure.innerHTML.slice(0, 60),
    };
  });
}
