// How the account page runs a task for one of its forms: the page shows one "working" line while
// any task runs, hands a failure to the app shell's error line, and reads the demo mailbox again
// afterwards (a task may have sent an e-mail).
export type RunTask = (work: () => Promise<void>) => Promise<void>;
