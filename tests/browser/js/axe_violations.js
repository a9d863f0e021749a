// axe-core's serious and critical violations of the page (axe.min.js is loaded first).
async () => {
      const result = await axe.run(document, {resultTypes: ['violations']});
      return result.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map(n => n.target.join(' '))}));
    }
