import { Component, createRef } from 'preact';
import { detectPersonalData, personalDataToConfirm } from '../../schemas/personal-data.ts';
import type { TipField, TipFieldErrors } from '../../schemas/tip.ts';
import { AboutTips } from './AboutTips.tsx';
import { ChoiceField } from './ChoiceField.tsx';
import { Confirmation, CONFIRMATION_HEADING_ID } from './Confirmation.tsx';
import { ContactField } from './ContactField.tsx';
import { DescriptionField } from './DescriptionField.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { ANSWER_ID, inputId, SUBMIT_ID, SUMMARY_ID } from './field-ids.ts';
import { Honeypot } from './Honeypot.tsx';
import { PERSONAL_DATA_ID, PersonalDataHeld } from './PersonalDataWarning.tsx';
import type { TipFormProps, TipValues } from './props.ts';
import { OUTCOME_ID, OutcomeNotice } from './RateLimited.tsx';
import { RichText } from './RichText.tsx';
import { submitTip } from './submit.ts';
import { TextField } from './TextField.tsx';
import { UrgentNotice } from './UrgentNotice.tsx';
import { emptyValues, fieldErrors, refreshErrors, sameErrors, visibleFields } from './validation.ts';
import { WhenField } from './WhenField.tsx';

type Outcome = { kind: 'rate-limited'; retryAfterSeconds: number; overloaded: boolean } | { kind: 'failed' };

interface TipFormState {
  /** False while the page is as the server rendered it (and without JavaScript). */
  hydrated: boolean;
  values: TipValues;
  errors: TipFieldErrors;
  /** What the summary lists: the errors as they were at the last send (it is not rewritten while typing). */
  summary: TipFieldErrors;
  sending: boolean;
  outcome: Outcome | null;
  reference: string | null;
  /** The description as last checked for personal data (on leaving it, on send, or as the server re-rendered it). */
  checkedText: string;
  /** The description a send was held back for, so the next send with the same text goes through. */
  heldFor: string | null;
}

/**
 * The tip form (a Preact island, hydrated by hydrate.ts). The server renders
 * it first, so without JavaScript it is a plain form POST to the page's own
 * URL, and the server answers with this page again (errors, a hold for
 * personal data, too many tips) or the confirmation; the form's action
 * carries a fragment, so that answer opens at its top (`ANSWER_ID`), where
 * the error summary or notice is, first in the main content (GOV.UK). Once
 * hydrated it validates with the shared schema when a field is left and on
 * send, reveals the conditional fields, counts characters, warns about
 * personal data (held once, by the same rule the server applies without
 * JavaScript) and sends JSON to the API by fetch, moving focus to the error
 * summary, a notice or the confirmation. A class component: it spares the
 * page the hooks module (the JavaScript budget is 20 KB).
 */
export default class TipForm extends Component<TipFormProps, TipFormState> {
  private form = createRef<HTMLFormElement>();
  /** The id to focus once the next render is in the DOM. */
  private focusNext: string | null = null;
  /** The site name part of the title (" – Tillsammans för trygghet"), kept when the title changes. */
  private titleSuffix = '';
  /** A pointer is pressed: checks of a field left meanwhile wait (see `blur`). */
  private pointerDown = false;
  private pendingChecks = new Set<TipField>();

  constructor(props: TipFormProps) {
    super(props);
    this.state = {
      hydrated: false,
      values: emptyValues(props.values),
      errors: props.errors,
      summary: props.errors,
      sending: false,
      outcome:
        props.rateLimitedSeconds === undefined
          ? null
          : {
              kind: 'rate-limited',
              retryAfterSeconds: props.rateLimitedSeconds,
              overloaded: props.overloaded === true,
            },
      reference: null,
      checkedText: props.values.description ?? '',
      heldFor: null,
    };
  }

  override componentDidMount(): void {
    const { t, errors } = this.props;
    const title = document.title;
    const at = title.indexOf(t.page.title);
    this.titleSuffix = at >= 0 ? title.slice(at + t.page.title.length) : '';
    document.addEventListener('pointerdown', this.press, true);
    document.addEventListener('pointerup', this.release, true);
    document.addEventListener('pointercancel', this.release, true);
    // A no-JavaScript send that came back with an answer (errors, a hold, a refusal): take the
    // person to it (GOV.UK). The page was opened at it (#tip-answer), which focuses it too.
    const { rateLimitedSeconds, heldForPersonalData } = this.props;
    if (Object.keys(errors).length > 0 || rateLimitedSeconds !== undefined || heldForPersonalData?.length) {
      this.focusNext = ANSWER_ID;
    }
    this.setState({ hydrated: true });
  }

  override componentWillUnmount(): void {
    document.removeEventListener('pointerdown', this.press, true);
    document.removeEventListener('pointerup', this.release, true);
    document.removeEventListener('pointercancel', this.release, true);
  }

  // Focus moves as soon as the render that shows its target is in the DOM.
  override componentDidUpdate(): void {
    if (!this.focusNext) return;
    document.getElementById(this.focusNext)?.focus();
    this.focusNext = null;
  }

  private press = () => {
    this.pointerDown = true;
  };

  // After the click that follows pointerup has been handled.
  private release = () => {
    setTimeout(() => {
      this.pointerDown = false;
      const fields = [...this.pendingChecks];
      this.pendingChecks.clear();
      fields.forEach(this.checkField);
    }, 0);
  };

  private setTitle(title: string): void {
    document.title = `${title}${this.titleSuffix}`;
  }

  private change = (field: TipField, value: string) => {
    this.setState(({ values, errors, checkedText }) => {
      const next = { ...values, [field]: value };
      const refreshed = refreshErrors(errors, next, undefined);
      return {
        values: next,
        errors: sameErrors(errors, refreshed) ? errors : refreshed,
        // A warning on screen follows the text, so it goes away once the data is removed.
        checkedText: field === 'description' && detectPersonalData(checkedText).length > 0 ? value : checkedText,
      };
    });
  };

  // Checks a field the person has left (GOV.UK-style: on leaving, not while typing).
  private checkField = (field: TipField) => {
    this.setState(({ values, errors, checkedText }) => ({
      // Leaving an empty field is not an error yet: nobody is told off for a field they skipped past.
      errors: values[field] === '' && !errors[field] ? errors : refreshErrors(errors, values, field),
      checkedText: field === 'description' ? values.description : checkedText,
    }));
  };

  private blur = (field: TipField) => {
    // Leaving a field by pressing something (Send, a radio below): a message
    // appearing now would move that target from under the pointer and lose
    // the click, so the check waits until the press is over.
    if (this.pointerDown) this.pendingChecks.add(field);
    else this.checkField(field);
  };

  private showErrors(found: TipFieldErrors): void {
    const { t } = this.props;
    this.setState({ errors: found, summary: found, outcome: null });
    this.setTitle(`${t.page.errorTitlePrefix}${t.page.title}`);
    this.focusNext = SUMMARY_ID;
  }

  private async send(): Promise<void> {
    const { t, locale, formToken, idempotencyKey } = this.props;
    const form = this.form.current;
    if (!form) return;
    this.setState({ sending: true, outcome: null });
    const result = await submitTip({
      ...visibleFields(this.state.values),
      lang: locale,
      formToken,
      idempotencyKey,
      website: (form.elements.namedItem('website') as HTMLInputElement | null)?.value ?? '',
    });
    if (
      result.kind === 'key-reused' ||
      (result.kind === 'invalid' && (result.errors.form === 'form.expired' || result.errors.form === 'form.invalid'))
    ) {
      // Only the server can issue a fresh token or key: an ordinary post
      // returns this page with the values kept, the message and new ones.
      form.submit();
      return;
    }
    this.setState({ sending: false });
    if (result.kind === 'accepted') {
      this.setState({ reference: result.reference });
      this.setTitle(t.confirmation.heading);
      this.focusNext = CONFIRMATION_HEADING_ID;
    } else if (result.kind === 'invalid') {
      this.showErrors(result.errors);
    } else {
      this.setState({ outcome: result });
      this.focusNext = OUTCOME_ID;
    }
  }

  private onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const { t } = this.props;
    const { sending, values, heldFor } = this.state;
    if (sending) return;
    const found = fieldErrors(values);
    if (Object.keys(found).length > 0) {
      this.showErrors(found);
      return;
    }
    this.setTitle(t.page.title);
    const description = values.description;
    if (personalDataToConfirm(description, heldFor === description).length > 0) {
      // Hold the first send back once, so the warning is read; the next send goes through.
      this.setState({ errors: {}, summary: {}, checkedText: description, heldFor: description });
      this.focusNext = PERSONAL_DATA_ID;
      return;
    }
    this.setState({ errors: {}, summary: {} });
    void this.send();
  };

  private targetOf = (field: TipField | 'form'): string => {
    const { categories, areas } = this.props;
    if (field === 'form') return SUBMIT_ID;
    if (field === 'category') return inputId('category', categories[0]?.id);
    if (field === 'area') return inputId('area', areas[0]?.id);
    if (field === 'when') return inputId('when', 'now');
    return inputId(field);
  };

  override render() {
    const { t, locale, paths, categories, areas, formToken, idempotencyKey, heldForPersonalData } = this.props;
    const { hydrated, values, errors, summary, sending, outcome, reference, checkedText, heldFor } = this.state;
    const personalData = detectPersonalData(checkedText);

    if (reference) {
      return (
        <div class="tip-page">
          <Confirmation t={t} paths={paths} reference={reference} copyButton />
        </div>
      );
    }

    return (
      <div class="tip-page">
        <div id={ANSWER_ID} class="tip-answer" tabindex={-1}>
          <ErrorSummary t={t} errors={summary} targetOf={this.targetOf} />
          {outcome && <OutcomeNotice t={t} paths={paths} outcome={outcome} />}
          {heldForPersonalData && heldForPersonalData.length > 0 && (
            <PersonalDataHeld t={t} kinds={heldForPersonalData} />
          )}
        </div>
        <h1>{t.page.title}</h1>
        <p class="tip-lead">
          <RichText text={t.page.lede} paths={paths} />
        </p>
        <AboutTips t={t} paths={paths} />
        <form
          ref={this.form}
          class="tip-form"
          method="post"
          action={`${paths.report}#${ANSWER_ID}`}
          noValidate
          onSubmit={this.onSubmit}
        >
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
            onChange={this.change}
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
            onChange={this.change}
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
            onInput={this.change}
            onBlur={this.blur}
          />
          <WhenField
            t={t}
            paths={paths}
            values={values}
            errors={errors}
            hydrated={hydrated}
            onChange={this.change}
            onBlur={this.blur}
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
            confirmBox={heldForPersonalData !== undefined && heldForPersonalData.length > 0}
            onInput={this.change}
            onBlur={this.blur}
          />
          <ContactField
            t={t}
            paths={paths}
            values={values}
            errors={errors}
            hydrated={hydrated}
            onChange={this.change}
            onBlur={this.blur}
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
}
