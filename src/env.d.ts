interface ImportMetaEnv {
  /** RETENTION_DAYS at build time (see astro.config.mjs); the server refuses to start with another value. */
  readonly RETENTION_DAYS: number;
}

declare namespace App {
  interface Locals {
    /** Set by the server for the tip page (src/pages/tip-form/[lang].astro). */
    tipForm?: import('./schemas/tip-form-state.ts').TipFormState;
  }
}
