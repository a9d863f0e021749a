// Clicks every copy button in turn, as the theme wires it: [target, copied, shown] each.
async () => {
  // every copy button in turn, as the theme wires it, and what it put on the clipboard
  const results = [];
  for (const button of document.querySelectorAll('button[data-clipboard-target]')) {
    const target = button.getAttribute('data-clipboard-target');
    await navigator.clipboard.writeText('');
    button.click();
    const copied = await navigator.clipboard.readText();
    let shown = null;
    try { shown = document.querySelector(target)?.innerText ?? null; } catch { /* not a selector */ }
    results.push([target, copied, shown]);
  }
  await navigator.clipboard.writeText('');
  return results;
}
