// The official pages Help links to, each address as the agency's manual gives it
// (/work/shared/seed manual, 2026-02-02: the cover, 4.2.3, 4.2.8). The desktop opens them in the
// system's browser (tauri-plugin-opener, allowed for these hosts only in capabilities/).
import type { MessageKey } from "./i18n";

export interface OfficialPage {
  url: string;
  /** The link's text. */
  title: MessageKey;
  /** One line on what the page is for. */
  about: MessageKey;
}

export const OFFICIAL_PAGES: readonly OfficialPage[] = [
  {
    url: "https://www.moj.go.jp/isa/applications/online/onlineshinsei.html",
    title: "help.pages.online.title",
    about: "help.pages.online.about",
  },
  {
    url: "https://www.moj.go.jp/isa/content/001351658.pdf",
    title: "help.pages.eligible.title",
    about: "help.pages.eligible.about",
  },
  {
    url: "https://www.moj.go.jp/isa/applications/status/photo_info_00002.html",
    title: "help.pages.photo.title",
    about: "help.pages.photo.about",
  },
  {
    url: "https://img.myna.go.jp/manual/english/quickguide.html",
    title: "help.pages.mynaportal.title",
    about: "help.pages.mynaportal.about",
  },
];
