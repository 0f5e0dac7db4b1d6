import type { Locale } from '../locales.ts';
import { apiMessages as ar } from './ar.ts';
import { apiMessages as en } from './en.ts';
import { apiMessages as fi } from './fi.ts';
import { apiMessages as so } from './so.ts';
import { apiMessages as sv, type ApiMessages } from './sv.ts';

export type { ApiMessages };
export type ApiMessageCode = keyof ApiMessages;

export const API_MESSAGES: Readonly<Record<Locale, ApiMessages>> = { sv, en, ar, fi, so };
