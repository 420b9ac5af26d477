// English texts of the UI. Every key here must exist in ja.ts too (a test checks both ways).
export const en = {
  "app.name": "Zairyu",
  "app.tagline": "Your residence application, prepared and checked on your own computer",
  "app.profile": "Profile",
  "app.profile.demo": "Demo (practice server and practice card)",
  "app.profile.production": "Production",
  "app.skip": "Skip to the checklist",
  "app.loading": "Loading…",
  "app.dataFolder": "Your data is kept in",
  "lang.label": "Language",
  "lang.en": "English",
  "lang.ja": "日本語",
  "checklist.title": "Before you apply",
  "checklist.intro":
    "Have these ready before you start the application. Tick each one as you get it; your ticks are saved on this computer.",
  "checklist.progress": "{done} of {total} ready",
  "checklist.allDone": "Everything is ready. You can start your application.",
  "checklist.my_number_card.title": "My Number Card",
  "checklist.my_number_card.text":
    "Your own valid My Number Card (マイナンバーカード): Zairyu reads your name, address, date of birth and sex from it and signs your application with it.",
  "checklist.card_pins.title": "The two PINs of your card",
  "checklist.card_pins.text":
    "The 4-digit PIN (利用者証明用) proves it is you and reads your details, and the 6–16 character signature password (署名用, capital letters and digits) signs the application — 3 wrong PINs or 5 wrong passwords lock the card until your city office resets it.",
  "checklist.residence_card.title": "Residence card",
  "checklist.residence_card.text":
    "Your current residence card (在留カード): its number, 2 letters, 8 digits and 2 letters, goes on the form.",
  "checklist.passport.title": "Passport",
  "checklist.passport.text": "Your valid passport, for its number and expiry date.",
  "checklist.pc.title": "This computer",
  "checklist.pc.text":
    "A Windows or Mac computer with Zairyu: the application is prepared, checked and sent from here, even if you work offline for a while.",
  "checklist.card_reader.title": "USB NFC card reader",
  "checklist.card_reader.text":
    "A contactless (NFC) card reader plugged into this computer; it takes the place of the smartphone and the Mynaportal app of the official manual.",
  "checklist.documents_pdf.title": "Required documents as PDF, and a photo",
  "checklist.documents_pdf.text":
    "Your school's documents (certificate of enrolment, transcript, proof of how you pay for your stay) scanned as PDF files, and a facial photo taken within the last six months.",
  "notice.file_recovered":
    "A saved file was damaged, so Zairyu started from the defaults; the damaged copy is kept as {path}.",
  "notice.dismiss": "Dismiss",
  "error.data_dir_unavailable": "Zairyu cannot create its data folder. Check that you may write there.",
  "error.storage_failed": "Zairyu could not save on this computer. Check that the disk has free space.",
  "error.unknown_profile": "Unknown profile. Start Zairyu with --profile demo or --profile production.",
  "error.unknown": "Something went wrong: {message}",
} as const;

export type MessageKey = keyof typeof en;
