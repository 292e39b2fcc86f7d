from django.db import migrations, models


def stem_words(apps, schema_editor):
    # Words indexed before stems were kept get theirs, so word forms work without a
    # rebuild.
    from search.backends.words import stem

    IndexWord = apps.get_model("search", "IndexWord")
    words = list(IndexWord.objects.all())
    for word in words:
        word.stem = stem(word.word)
    IndexWord.objects.bulk_update(words, ["stem"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_vocabulary"),
    ]

    operations = [
        migrations.AddField(
            model_name="indexword",
            name="stem",
            field=models.CharField(default="", max_length=40),
            preserve_default=False,
        ),
        migrations.RunPython(stem_words, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="indexword",
            index=models.Index(fields=["kind", "stem"], name="index_word_stem"),
        ),
    ]
