// Marks the first visible element whose own text is Devanagari; returns that text.
(pattern) => {
      const re = new RegExp(pattern);
      // the page's own text first, else the header and navigation (an untranslated page)
      for (const scope of [document.querySelector('article'), document.body]) {
        if (scope === null) continue;
        for (const e of scope.querySelectorAll('*')) {
          if (e.closest('script, style, pre, code, .katex, [hidden]') || e.offsetParent === null) continue;
          const own = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('');
          if (re.test(own)) { e.setAttribute('data-devanagari-probe', ''); return own.trim().slice(0, 40); }
        }
      }
      return null;
    }
