// The quick-exit control's behaviour (GOV.UK "Exit this page" pattern). The
// link works without JavaScript; this script blanks the page at once and
// replaces its history entry, so Back does not return to the page left. It
// cannot take the site's earlier pages out of the history: Back still reaches
// them (the privacy page says so). Shift pressed three times within a second does the same;
// Shift used together with another key (capitals, Shift+Tab) does not count.
const link = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');

if (link) {
  const leave = (event?: Event) => {
    event?.preventDefault();
    document.title = '';
    document.body.replaceChildren();
    window.location.replace(link.href);
  };
  link.addEventListener('click', leave);

  let presses = 0;
  let firstPress = 0;
  let combined = false;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Shift') combined = event.ctrlKey || event.altKey || event.metaKey;
    else {
      combined = true;
      presses = 0;
    }
  });
  document.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift' || combined) return;
    if (event.timeStamp - firstPress > 1000) {
      presses = 0;
      firstPress = event.timeStamp;
    }
    presses += 1;
    if (presses === 3) leave();
  });
}
