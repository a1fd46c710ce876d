"""The starting recommendation vocabulary; curators edit it in the admin afterwards."""

from django.db import migrations

VOCABULARY = [
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


def create_vocabulary(apps, schema_editor):
    Recommendation = apps.get_model("review", "Recommendation")
    Translation = apps.get_model("review", "RecommendationTranslation")
    for position, (code, outcome, labels) in enumerate(VOCABULARY):
        recommendation, _created = Recommendation.objects.get_or_create(
            code=code, defaults={"outcome": outcome, "position": position}
        )
        for language, label in labels.items():
            Translation.objects.get_or_create(
                master=recommendation, language_code=language, defaults={"label": label}
            )


class Migration(migrations.Migration):
    dependencies = [("review", "0001_initial")]
    operations = [migrations.RunPython(create_vocabulary, migrations.RunPython.noop)]
