import type { ComponentChildren } from 'preact';
import { HELP_LINES, TIP_EMAIL } from './contact-points.ts';
import { parseRichText, type RichPage, type RichPart } from './rich-text.ts';

export interface RichTextProps {
  text: string;
  /** Paths of the pages `[text](privacy)`, `[text](home)` and `[text](easy-read)` link to. */
  paths: Readonly<Record<RichPage, string>>;
  /** Values for `{name}` parameters. */
  params?: Readonly<Record<string, string>>;
}

/** Renders one of the tip form's strings (syntax: rich-text.ts) as inline content. */
export function RichText({ text, paths, params = {} }: RichTextProps) {
  return <>{renderParts(parseRichText(text), paths, params)}</>;
}

function renderParts(
  parts: RichPart[],
  paths: RichTextProps['paths'],
  params: Readonly<Record<string, string>>,
): ComponentChildren[] {
  return parts.map((part) => {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'strong':
        return <strong>{renderParts(part.parts, paths, params)}</strong>;
      case 'page':
        return <a href={paths[part.page]}>{part.text}</a>;
      case 'lang':
        return (
          <span lang={part.lang} dir="ltr">
            {part.text}
          </span>
        );
      case 'tel': {
        const line = HELP_LINES[part.line];
        return (
          <a class="tel" href={`tel:${line.dial}`} dir="ltr">
            {line.display}
          </a>
        );
      }
      case 'email':
        return (
          <a href={`mailto:${TIP_EMAIL}`} dir="ltr">
            {TIP_EMAIL}
          </a>
        );
      case 'param':
        return params[part.name] ?? `{${part.name}}`;
    }
  });
}
