// The case page's appointment form: the end follows the start an hour later, as a calendar proposes it, until the
// member types an end of their own. The fields hold Paris wall-clock times without a zone; an hour is added to the
// time as written (read and written as UTC, so that the browser's own zone and its clock changes play no part).
document.addEventListener('DOMContentLoaded', () => {
  const starts = document.getElementById('appointment-starts');
  const ends = document.getElementById('appointment-ends');
  if (!starts || !ends) return;
  let followed = !ends.value;
  const inAnHour = (value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
    if (!match) return '';
    const [, y, mo, d, h, mi] = match.map(Number);
    const later = new Date(Date.UTC(y, mo - 1, d, h, mi) + 3600 * 1000);
    const two = (n) => String(n).padStart(2, '0');
    return `${later.getUTCFullYear()}-${two(later.getUTCMonth() + 1)}-${two(later.getUTCDate())}`
      + `T${two(later.getUTCHours())}:${two(later.getUTCMinutes())}`;
  };
  starts.addEventListener('input', () => {
    if (followed) ends.value = inAnHour(starts.value);
    ends.min = starts.value;
  });
  ends.addEventListener('input', () => {
    followed = !ends.value;
  });
});
