"""The starting recommendation vocabulary, loaded by `gcmhub init`; curators edit it in
the admin afterwards (loading again never overwrites their changes)."""

RECOMMENDATIONS = [
    (
        "accept",
        "accept",
        {
            "en": "Accept as it is",
            "fr": "Accepter en l'état",
            "es": "Aceptar tal como está",
            "ar": "القبول كما هي",
            "zh-hans": "按原样接受",
            "ru": "Принять без изменений",
        },
    ),
    (
        "minor-changes",
        "minor_changes",
        {
            "en": "Accept with minor changes",
            "fr": "Accepter avec des modifications mineures",
            "es": "Aceptar con cambios menores",
            "ar": "القبول مع تعديلات طفيفة",
            "zh-hans": "小幅修改后接受",
            "ru": "Принять с небольшими изменениями",
        },
    ),
    (
        "revisions",
        "revisions",
        {
            "en": "Revise and review again",
            "fr": "Réviser puis examiner à nouveau",
            "es": "Revisar y volver a evaluar",
            "ar": "المراجعة ثم إعادة التقييم",
            "zh-hans": "修改后重新评审",
            "ru": "Доработать и рецензировать повторно",
        },
    ),
    (
        "reject",
        "reject",
        {
            "en": "Reject",
            "fr": "Rejeter",
            "es": "Rechazar",
            "ar": "الرفض",
            "zh-hans": "拒绝",
            "ru": "Отклонить",
        },
    ),
]
