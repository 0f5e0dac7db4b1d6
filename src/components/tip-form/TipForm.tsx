import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { detectPersonalData } from '../../schemas/personal-data.ts';
import type { TipField, TipFieldErrors } from '../../schemas/tip.ts';
import { AboutTips } from './AboutTips.tsx';
import { ChoiceField } from './ChoiceField.tsx';
import { Confirmation, CONFIRMATION_HEADING_ID } from './Confirmation.tsx';
import { ContactField } from './ContactField.tsx';
import { DescriptionField } from './DescriptionField.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { inputId, SUBMIT_ID, SUMMARY_ID } from './field-ids.ts';
import { Honeypot } from './Honeypot.tsx';
import { PERSONAL_DATA_ID } from './PersonalDataWarning.tsx';
import type { TipFormProps, TipValues } from './props.ts';
import { OUTCOME_ID, OutcomeNotice } from './RateLimited.tsx';
import { RichText } from './RichText.tsx';
import { submitTip } from './submit.ts';
import { TextField } from './TextField.tsx';
import { UrgentNotice } from './UrgentNotice.tsx';
import { emptyValues, fieldErrors, refreshErrors, sameErrors, visibleFields } from './validation.ts';
import { WhenField } from './WhenField.tsx';

type Outcome = { kind: 'rate-limited'; retryAfterSeconds: number } | { kind: 'failed' };

/**
 * The tip form (Preact island, `client:load`). The server renders it first,
 * so without JavaScript it is a plain form POST to /api/tips and the server
 * answers with this page again (errors) or the confirmation. Once hydrated
 * it validates with the shared schema on blur and on send, reveals the
 * conditional fields, counts characters, warns about personal data and sends
 * by fetch, moving focus to the error summary, a notice or the confirmation.
 */
export default function TipForm(props: TipFormProps) {
  const { t, locale, paths, categories, areas, formToken, idempotencyKey } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const focusNext = useRef<string | null>(null);
  const titleSuffix = useRef('');
  const [hydrated, setHydrated] = useState(false);
  const [values, setValues] = useState<TipValues>(() => emptyValues(props.values));
  const [errors, setErrors] = useState<TipFieldErrors>(props.errors);
  /** What the summary lists: the errors as they were at the last send (it is not rewritten while typing). */
  const [summary, setSummary] = useState<TipFieldErrors>(props.errors);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  /** The description as last checked for personal data (on blur, on send, or as the server re-rendered it). */
  const [checkedText, setCheckedText] = useState(props.values.description ?? '');
  /** The description a send was held back for, so the next send with the same text goes through. */
  const [heldFor, setHeldFor] = useState<string | null>(null);

  const personalData = detectPersonalData(checkedText);
  /** The values of the latest render, for checks that run after a pointer press. */
  const latest = useRef(values);
  latest.current = values;
  const pointer = useRef({ down: false, pending: new Set<TipField>() });

  useEffect(() => {
    const title = document.title;
    const at = title.indexOf(t.page.title);
    titleSuffix.current = at >= 0 ? title.slice(at + t.page.title.length) : '';
    setHydrated(true);
    // A no-JavaScript send that came back with errors: take the person to them (GOV.UK).
    if (Object.keys(props.errors).length > 0) focusNext.current = SUMMARY_ID;
  }, []);

  useEffect(() => {
    const press = () => {
      pointer.current.down = true;
    };
    // After the click that follows pointerup has been handled.
    const release = () =>
      setTimeout(() => {
        pointer.current.down = false;
        const fields = [...pointer.current.pending];
        pointer.current.pending.clear();
        fields.forEach(checkField);
      }, 0);
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
    };
  }, []);

  // Focus moves as soon as the render that shows its target is in the DOM.
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const setTitle = (title: string) => {
    document.title = `${title}${titleSuffix.current}`;
  };

  const change = (field: TipField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    setErrors((shown) => {
      const refreshed = refreshErrors(shown, next, undefined);
      return sameErrors(shown, refreshed) ? shown : refreshed;
    });
    // A warning on screen follows the text, so it goes away once the data is removed.
    if (field === 'description' && personalData.length > 0) setCheckedText(value);
  };

  // Checks a field the person has left (GOV.UK-style: on leaving, not while typing).
  const checkField = (field: TipField) => {
    const current = latest.current;
    // Leaving an empty field is not an error yet: nobody is told off for a field they skipped past.
    setErrors((shown) => (current[field] === '' && !shown[field] ? shown : refreshErrors(shown, current, field)));
    if (field === 'description') setCheckedText(current.description);
  };

  const blur = (field: TipField) => {
    // Leaving a field by pressing something (Send, a radio below): a message
    // appearing now would move that target from under the pointer and lose
    // the click, so the check waits until the press is over.
    if (pointer.current.down) pointer.current.pending.add(field);
    else checkField(field);
  };

  const showErrors = (found: TipFieldErrors) => {
    setErrors(found);
    setSummary(found);
    setTitle(`${t.page.errorTitlePrefix}${t.page.title}`);
    focusNext.current = SUMMARY_ID;
  };

  const send = async () => {
    const form = formRef.current;
    if (!form) return;
    setSending(true);
    setOutcome(null);
    const result = await submitTip({
      ...visibleFields(values),
      lang: locale,
      formToken,
      idempotencyKey,
      website: (form.elements.namedItem('website') as HTMLInputElement | null)?.value ?? '',
    });
    if (result.kind === 'invalid' && (result.errors.form === 'form.expired' || result.errors.form === 'form.invalid')) {
      // Only the server can issue a fresh token: an ordinary post returns this
      // page with the values kept, the message and a new token.
      form.submit();
      return;
    }
    setSending(false);
    if (result.kind === 'accepted') {
      setReference(result.reference);
      setTitle(t.confirmation.heading);
      focusNext.current = CONFIRMATION_HEADING_ID;
    } else if (result.kind === 'invalid') {
      showErrors(result.errors);
    } else {
      setOutcome(result);
      focusNext.current = OUTCOME_ID;
    }
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (sending) return;
    const found = fieldErrors(values);
    if (Object.keys(found).length > 0) {
      showErrors(found);
      setOutcome(null);
      return;
    }
    setErrors({});
    setSummary({});
    setTitle(t.page.title);
    const description = values.description;
    if (detectPersonalData(description).length > 0 && heldFor !== description) {
      // Hold the first send back once, so the warning is read; the next send goes through.
      setCheckedText(description);
      setHeldFor(description);
      focusNext.current = PERSONAL_DATA_ID;
      return;
    }
    void send();
  };

  if (reference) {
    return (
      <div class="tip-page">
        <Confirmation t={t} paths={paths} reference={reference} copyButton />
      </div>
    );
  }

  const targetOf = (field: TipField | 'form'): string => {
    if (field === 'form') return SUBMIT_ID;
    if (field === 'category') return inputId('category', categories[0]?.id);
    if (field === 'area') return inputId('area', areas[0]?.id);
    if (field === 'when') return inputId('when', 'now');
    return inputId(field);
  };

  return (
    <div class="tip-page">
      <h1>{t.page.title}</h1>
      <p class="tip-lead">
        <RichText text={t.page.lede} paths={paths} />
      </p>
      <AboutTips t={t} paths={paths} />
      <form ref={formRef} class="tip-form" method="post" action="/api/tips" noValidate onSubmit={onSubmit}>
        <ErrorSummary t={t} errors={summary} targetOf={targetOf} />
        {outcome && <OutcomeNotice t={t} paths={paths} outcome={outcome} />}
        <input type="hidden" name="lang" value={locale} />
        <input type="hidden" name="formToken" value={formToken} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <ChoiceField
          t={t}
          paths={paths}
          field="category"
          legend={t.category.legend}
          hint={t.category.hint}
          options={categories}
          value={values.category}
          error={errors.category}
          onChange={change}
        />
        <UrgentNotice t={t} paths={paths} kind="close" show={values.category === 'close-relationship-violence'} />
        <ChoiceField
          t={t}
          paths={paths}
          field="area"
          legend={t.area.legend}
          hint={t.area.hint}
          options={areas}
          value={values.area}
          error={errors.area}
          onChange={change}
        />
        <TextField
          t={t}
          field="place"
          label={t.place.label}
          hint={t.place.hint}
          optional
          autocomplete="off"
          value={values.place}
          error={errors.place}
          onInput={change}
          onBlur={blur}
        />
        <WhenField
          t={t}
          paths={paths}
          values={values}
          errors={errors}
          hydrated={hydrated}
          onChange={change}
          onBlur={blur}
        />
        <UrgentNotice t={t} paths={paths} kind="now" show={values.when === 'now'} />
        <DescriptionField
          t={t}
          paths={paths}
          value={values.description}
          error={errors.description}
          hydrated={hydrated}
          personalData={personalData}
          personalDataConfirmStep={heldFor !== null && heldFor === values.description && personalData.length > 0}
          onInput={change}
          onBlur={blur}
        />
        <ContactField
          t={t}
          paths={paths}
          values={values}
          errors={errors}
          hydrated={hydrated}
          onChange={change}
          onBlur={blur}
        />
        <Honeypot label={t.honeypot} />
        <p class="tip-public-records">
          <RichText text={t.publicRecords} paths={paths} />
        </p>
        <button
          id={SUBMIT_ID}
          type="submit"
          class="tip-button"
          aria-disabled={sending ? 'true' : undefined}
          data-sending={sending ? '' : undefined}
        >
          {sending ? t.sending : t.submit}
        </button>
      </form>
    </div>
  );
}
