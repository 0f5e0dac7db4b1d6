/**
 * The honeypot: a field people never see or reach (off-screen, hidden from
 * assistive technology, out of the tab order, no autofill), so a value in
 * it came from a bot. Labelled anyway, in case someone does reach it.
 */
export function Honeypot({ label }: { label: string }) {
  return (
    <div class="tip-honeypot" aria-hidden="true">
      <label for="tip-website">{label}</label>
      <input type="text" id="tip-website" name="website" tabindex={-1} autocomplete="off" />
    </div>
  );
}
