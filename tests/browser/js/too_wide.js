// The page's and body's widths against the viewport, with every block laid out (none skipped
// off screen: a block that is skipped clips what would stick out of it), and, if the page is
// too wide, the outermost elements that make it so.
() => {
  const style = document.createElement('style');
  style.textContent = '* { content-visibility: visible !important; }';
  document.head.append(style);
  const view = document.documentElement.clientWidth;
  const page = document.documentElement.scrollWidth, body = document.body.scrollWidth;
  const wide = Math.max(page, body) <= view ? [] : [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > view + 1 && e.closest('[hidden]') === null)
    .filter(e => {  // the outermost culprits, not what is inside a scrolling box
      for (let p = e.parentElement; p; p = p.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
      }
      return true;
    })
    .slice(0, 5)
    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
  style.remove();
  return {view, page, body, wide};
}
