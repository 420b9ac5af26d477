//! Card errors: a stable code, and English and Japanese messages that say what to do.

/// Everything that can go wrong with the card, each with a code the UI and scripts rely on
/// (`code()`; the edge turns it into `{code, message}`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    #[error("The smart-card service (PC/SC) is not running. On Windows and macOS it starts with the reader; on Linux start pcscd.")]
    NoService,
    #[error("No card reader is connected. Plug in the USB NFC reader and try again.")]
    NoReader,
    #[error("There is no reader called \"{name}\". Choose one of the connected readers.")]
    ReaderNotFound { name: String },
    #[error("No card is on the reader. Place your My Number Card on it and try again.")]
    NoCard,
    #[error("This card is not a My Number Card (its public-key application is missing). Place your My Number Card on the reader.")]
    NotMyNumberCard,
    #[error("The card was taken off the reader during the operation. Place it back and try again; nothing was sent.")]
    CardRemoved,
    #[error("Wrong PIN: {left} tries left. Check the PIN before trying again; the card locks after the last wrong try.")]
    PinWrong { left: u8 },
    #[error("This PIN is locked after too many wrong tries. Only your municipal office (city hall) can reset it.")]
    PinBlocked,
    #[error("Only one try is left for this PIN. Zairyu stops here unless you confirm that you want to use the last try.")]
    LastTryRefused,
    #[error("{problem}")]
    PinFormat { problem: String },
    #[error("Cancelled before the PIN was sent to the card; no try was used.")]
    Cancelled,
    #[error("Another program is using the card. Close it (for example a tax or Mynaportal app) and try again.")]
    CardBusy,
    #[error("The card gave an unexpected answer ({detail}). Take the card off the reader, place it back and try again.")]
    UnexpectedAnswer { detail: String },
    #[error("The card's electronic certificate could not be read ({detail}). Take the card off the reader, place it back and try again; if it persists, have the certificate checked at your municipal office.")]
    CertificateUnreadable { detail: String },
}

impl CardError {
    /// Stable code (docs/error-codes.md).
    pub fn code(&self) -> &'static str {
        match self {
            CardError::NoService => "card_no_service",
            CardError::NoReader => "card_no_reader",
            CardError::ReaderNotFound { .. } => "card_reader_not_found",
            CardError::NoCard => "card_absent",
            CardError::NotMyNumberCard => "card_not_my_number",
            CardError::CardRemoved => "card_removed",
            CardError::PinWrong { .. } => "pin_wrong",
            CardError::PinBlocked => "pin_blocked",
            CardError::LastTryRefused => "pin_last_try_refused",
            CardError::PinFormat { .. } => "pin_format",
            CardError::Cancelled => "card_cancelled",
            CardError::CardBusy => "card_busy",
            CardError::UnexpectedAnswer { .. } => "card_unexpected_answer",
            CardError::CertificateUnreadable { .. } => "card_certificate_unreadable",
        }
    }

    /// The message in Japanese.
    pub fn message_ja(&self) -> String {
        match self {
            CardError::NoService => "スマートカードサービス（PC/SC）が動いていません。Linuxではpcscdを起動してください。".into(),
            CardError::NoReader => "カードリーダーが接続されていません。USBのNFCリーダーを接続してください。".into(),
            CardError::ReaderNotFound { name } => format!("「{name}」というリーダーはありません。接続中のリーダーを選んでください。"),
            CardError::NoCard => "リーダーにカードがありません。マイナンバーカードを置いてください。".into(),
            CardError::NotMyNumberCard => "マイナンバーカードではありません。マイナンバーカードを置いてください。".into(),
            CardError::CardRemoved => "操作中にカードが離れました。カードを置き直してもう一度お試しください（何も送信していません）。".into(),
            CardError::PinWrong { left } => format!("暗証番号が違います。残り{left}回です。最後の回数を使い切るとロックされます。"),
            CardError::PinBlocked => "暗証番号がロックされています。解除はお住まいの市区町村の窓口でのみできます。".into(),
            CardError::LastTryRefused => "残り1回です。最後の1回を使うことを確認するまで続行しません。".into(),
            CardError::PinFormat { problem } => problem.clone(),
            CardError::Cancelled => "暗証番号を送る前に取り消しました。回数は減っていません。".into(),
            CardError::CardBusy => "別のプログラムがカードを使用中です。そのプログラムを閉じてからお試しください。".into(),
            CardError::UnexpectedAnswer { detail } => format!("カードから想定外の応答がありました（{detail}）。カードを置き直してお試しください。"),
            CardError::CertificateUnreadable { detail } => format!("カードの電子証明書を読み取れませんでした（{detail}）。カードを置き直してお試しください。続く場合は市区町村の窓口で証明書を確認してもらってください。"),
        }
    }

    /// Whether the caller should stop touching the card for this PIN (blocked or last try).
    pub fn is_pin_stop(&self) -> bool {
        matches!(self, CardError::PinBlocked | CardError::LastTryRefused)
    }
}

impl From<myna_card::Error> for CardError {
    fn from(err: myna_card::Error) -> CardError {
        use myna_card::Error as E;
        match err {
            E::Pcsc(p) => match p {
                pcsc::Error::NoReadersAvailable
                | pcsc::Error::ReaderUnavailable
                | pcsc::Error::UnknownReader => CardError::NoReader,
                pcsc::Error::NoService | pcsc::Error::ServiceStopped => CardError::NoService,
                pcsc::Error::NoSmartcard => CardError::NoCard,
                pcsc::Error::RemovedCard
                | pcsc::Error::ResetCard
                | pcsc::Error::UnpoweredCard
                | pcsc::Error::UnresponsiveCard => CardError::CardRemoved,
                pcsc::Error::SharingViolation => CardError::CardBusy,
                other => CardError::UnexpectedAnswer {
                    detail: format!("PC/SC: {other}"),
                },
            },
            E::NoReader => CardError::NoReader,
            E::ReaderNotFound(name) => CardError::ReaderNotFound { name },
            E::PinIncorrect { retries } => CardError::PinWrong {
                left: retries.unwrap_or(0),
            },
            E::PinBlocked => CardError::PinBlocked,
            other => CardError::UnexpectedAnswer {
                detail: other.to_string(),
            },
        }
    }
}
