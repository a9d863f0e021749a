// axe-core's serious and critical violations of the page (axe.min.js is loaded first), leaving
// out the elements matching the selectors in `exclude`.
async (exclude) => {
      const context = exclude && exclude.length ? {exclude: exclude.map((s) => [s])} : document;
      const result = await axe.run(context, {resultTypes: ['violations']});
      return result.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' '))}));
    }
