//! The immigration offices a residence card can be received at (manual 4.2.5): regional
//! bureaus, district bureaus and branch offices, as data (`data/immigration-offices.toml`,
//! with its source), offered as the choices of every "receiving office" field.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::schema::Choice;

/// What kind of office it is in the agency's organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeKind {
    /// 地方出入国在留管理局 (eight in Japan).
    RegionalBureau,
    /// 支局.
    DistrictBureau,
    /// 出張所.
    BranchOffice,
}

/// One office that accepts residence procedures at its counter.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ImmigrationOffice {
    /// The value stored in drafts.
    pub id: String,
    /// The id of the regional bureau it belongs to.
    pub bureau: String,
    pub kind: OfficeKind,
    pub name_ja: String,
    pub name_en: String,
    /// Prefectures whose residents it serves.
    pub prefectures: Vec<String>,
}

#[derive(Deserialize)]
struct OfficeFile {
    office: Vec<ImmigrationOffice>,
}

/// Every office, bureaus first within their region, in the data file's order.
pub fn offices() -> &'static [ImmigrationOffice] {
    static OFFICES: OnceLock<Vec<ImmigrationOffice>> = OnceLock::new();
    OFFICES.get_or_init(|| {
        toml::from_str::<OfficeFile>(include_str!("../data/immigration-offices.toml"))
            .unwrap_or_else(|e| panic!("data/immigration-offices.toml is not valid: {e}"))
            .office
    })
}

/// The office with this id.
pub fn office(id: &str) -> Option<&'static ImmigrationOffice> {
    offices().iter().find(|o| o.id == id)
}

/// The offices serving residents of `prefecture` (as written in an address: 大分県, 東京都),
/// nearest kind first: branch offices and district bureaus before the regional bureau.
pub fn offices_for_prefecture(prefecture: &str) -> Vec<&'static ImmigrationOffice> {
    let mut found: Vec<_> = offices()
        .iter()
        .filter(|o| o.prefectures.iter().any(|p| p == prefecture))
        .collect();
    found.sort_by_key(|o| o.kind == OfficeKind::RegionalBureau);
    found
}

/// The offices as form choices, grouped under their regional bureau's name.
pub fn choices() -> Vec<Choice> {
    offices()
        .iter()
        .map(|o| {
            let bureau = office(&o.bureau).unwrap_or(o);
            Choice {
                value: o.id.clone(),
                label_en: o.name_en.clone(),
                label_ja: o.name_ja.clone(),
                group_en: Some(bureau.name_en.clone()),
                group_ja: Some(bureau.name_ja.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn immigration_offices_have_unique_ids_and_existing_bureaus() {
        let all = offices();
        let mut ids: Vec<&str> = all.iter().map(|o| o.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len(), "duplicate office ids");
        let bureaus: Vec<_> = all
            .iter()
            .filter(|o| o.kind == OfficeKind::RegionalBureau)
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(
            bureaus,
            [
                "sapporo",
                "sendai",
                "tokyo",
                "nagoya",
                "osaka",
                "hiroshima",
                "takamatsu",
                "fukuoka"
            ],
            "the eight regional bureaus keep the ids older drafts hold"
        );
        for o in all {
            let bureau = office(&o.bureau).unwrap_or_else(|| panic!("{}: no bureau", o.id));
            assert_eq!(bureau.kind, OfficeKind::RegionalBureau, "{}", o.id);
            assert!(o.name_ja.starts_with(&bureau.name_ja), "{}", o.id);
            assert!(!o.prefectures.is_empty(), "{}", o.id);
            assert!(
                o.prefectures
                    .iter()
                    .all(|p| p.ends_with(['都', '道', '府', '県'])),
                "{}: {:?}",
                o.id,
                o.prefectures
            );
        }
    }

    #[test]
    fn every_prefecture_has_an_office() {
        let prefectures = [
            "北海道",
            "青森県",
            "岩手県",
            "宮城県",
            "秋田県",
            "山形県",
            "福島県",
            "茨城県",
            "栃木県",
            "群馬県",
            "埼玉県",
            "千葉県",
            "東京都",
            "神奈川県",
            "新潟県",
            "富山県",
            "石川県",
            "福井県",
            "山梨県",
            "長野県",
            "岐阜県",
            "静岡県",
            "愛知県",
            "三重県",
            "滋賀県",
            "京都府",
            "大阪府",
            "兵庫県",
            "奈良県",
            "和歌山県",
            "鳥取県",
            "島根県",
            "岡山県",
            "広島県",
            "山口県",
            "徳島県",
            "香川県",
            "愛媛県",
            "高知県",
            "福岡県",
            "佐賀県",
            "長崎県",
            "熊本県",
            "大分県",
            "宮崎県",
            "鹿児島県",
            "沖縄県",
        ];
        for p in prefectures {
            assert!(!offices_for_prefecture(p).is_empty(), "no office for {p}");
        }
    }

    #[test]
    fn the_manuals_example_office_is_offered_first_for_oita() {
        // Manual 4.2.5: "Select the Oita District Office of the Fukuoka Regional Immigration
        // Services Bureau. 福岡出入国在留管理局 大分出張所".
        let oita = offices_for_prefecture("大分県");
        assert_eq!(oita[0].name_ja, "福岡出入国在留管理局 大分出張所");
        assert_eq!(
            oita[0].name_en,
            "Oita District Office of the Fukuoka Regional Immigration Services Bureau"
        );
        assert_eq!(oita.last().unwrap().id, "fukuoka");
    }
}
