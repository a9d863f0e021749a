// True once a typed search has listed results, or said there are none.
() => {
  const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
  return document.querySelector('.md-search-result__list a.md-search-result__link') !== null
    || document.querySelector('.md-search-result__meta').textContent.trim() === none;
}
