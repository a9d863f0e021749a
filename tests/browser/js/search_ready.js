// True once the theme's search worker has loaded its index: the search box says so.
() => {
  const meta = document.querySelector('.md-search-result__meta');
  const config = document.getElementById('__config');
  if (meta === null || config === null) return true;  // a page without the theme's search
  const ready = JSON.parse(config.textContent).translations['search.result.placeholder'];
  return meta.textContent.trim() === ready;
}
