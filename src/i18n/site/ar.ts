import type { SiteStrings } from './sv.ts';

/** The site's interface strings in Arabic (translated from the Swedish original). */
export const ar: SiteStrings = {
  dateLocale: 'ar',
  tagline: 'التعاون من أجل الأمان في هودينغه',
  skipLink: 'انتقل إلى المحتوى',
  quickExit: 'غادر الصفحة بسرعة',
  urgentHelpLabel: 'مساعدة عاجلة',
  urgentHelp: '**هل هناك شخص في خطر الآن؟** اتصل بالرقم {tel:emergency}. الشرطة في الحالات غير العاجلة: {tel:police}.',
  mainNavLabel: 'القائمة الرئيسية',
  menuToggle: 'القائمة',
  languageNavLabel: 'اللغة',
  translationNote: 'هذه الصفحة مترجمة. النص السويدي هو النص الأصلي.',
  translationLink: 'اقرأ الصفحة باللغة السويدية',
  pageNames: {
    home: 'الصفحة الرئيسية',
    agreement: 'الاتفاقية',
    'focus/gang-crime': 'جرائم العصابات',
    'focus/public-spaces': 'الأمان في الأماكن العامة',
    'focus/close-relationships': 'العنف في العلاقات القريبة',
    'focus/andts': 'الكحول والمخدرات والمنشطات والتبغ والقمار',
    partners: 'الأطراف',
    'situational-picture': 'الصورة الأسبوعية للوضع',
    privacy: 'الخصوصية وإخفاء الهوية',
    accessibility: 'إمكانية الوصول',
    help: 'احصل على المساعدة',
    report: 'أرسل معلومة',
    'not-found': 'الصفحة غير موجودة',
  },
  footer: {
    focusAreasHeading: 'مجالات التركيز',
    aboutHeading: 'عن هذا الموقع',
    contactHeading: 'التواصل',
    contactText: 'للأسئلة عن التعاون أو عن هذا الموقع: {email}.',
    operator: 'تدير هذا الموقع شركة [Huge Bostäder AB](lang:sv). لا يضع الموقع أي ملفات تعريف ارتباط (كوكيز).',
  },
  reportLink: 'أرسل معلومة',
  reportLinkNote:
    'يمكنك أن تبقى مجهول الهوية. المعلومة ليست بلاغًا للشرطة. في الحالات العاجلة اتصل بالرقم {tel:emergency}.',
  focusAreaReportLink: 'أرسل معلومة عن هذا الموضوع',
  helpLines: {
    callLabel: 'اتصل بالرقم',
  },
  partners: {
    websiteLabel: 'الموقع الإلكتروني',
  },
  agreementPeriod: {
    label: 'المدة',
    statusLabel: 'الوضع',
  },
  dataProtection: {
    controller: 'المسؤول عن البيانات الشخصية',
    contact: 'التواصل',
    dpo: 'مسؤول حماية البيانات',
    legalBasis: 'الأساس القانوني',
    toBeConfirmed: 'لم يتم تأكيد هذه المعلومة بعد. إلى ذلك الحين يمكنك السؤال عبر {email}.',
  },
};
