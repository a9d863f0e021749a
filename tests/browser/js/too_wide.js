// The page's and body's widths against the viewport, and the outermost elements too wide.
() => {
          const view = document.documentElement.clientWidth;
          const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > view + 1 && e.closest('[hidden]') === null)
            .filter(e => {  // the outermost culprits, not what is inside a scrolling box
              for (let p = e.parentElement; p; p = p.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
              }
              return true;
            })
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
          return {view, page: document.documentElement.scrollWidth, body: document.body.scrollWidth, wide};
        }
