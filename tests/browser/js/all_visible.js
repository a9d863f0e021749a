// An init script for the every-page audit: every element the theme watches counts as on screen
// at once, so the theme sets up every code block (its copy button, its keyboard focus) as it
// does for a block the reader has scrolled to (`content.lazy` in mkdocs.yml). The real observer
// still reports too; test_content.py checks the lazy set-up itself, by scrolling.
(() => {
  const Real = window.IntersectionObserver;
  window.IntersectionObserver = class extends Real {
    constructor(callback, options) {
      super(callback, options);
      this.courseCallback = callback;
    }
    observe(target) {
      super.observe(target);
      setTimeout(() => this.courseCallback([{target, isIntersecting: true, intersectionRatio: 1}], this), 0);
    }
  };
})();
