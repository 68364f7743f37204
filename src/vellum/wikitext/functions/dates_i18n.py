"""Month and weekday names of some content languages (MediaWiki's MessagesXx.php), for
#time and the CURRENTMONTHNAME/CURRENTDAYNAME words. Languages not listed use English."""

from __future__ import annotations

from ..magicwords import MONTHS, WEEKDAYS

# language -> (nominative months, genitive months or None, weekdays from Sunday)
NAMES: dict[str, tuple[list[str], list[str] | None, list[str]]] = {
    "de": (
        "Januar Februar März April Mai Juni Juli August September Oktober November "
        "Dezember".split(),
        None,
        "Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Samstag".split(),
    ),
    "nl": (
        "januari februari maart april mei juni juli augustus september oktober november "
        "december".split(),
        None,
        "zondag maandag dinsdag woensdag donderdag vrijdag zaterdag".split(),
    ),
    "fr": (
        "janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre".split(),
        None,
        "dimanche lundi mardi mercredi jeudi vendredi samedi".split(),
    ),
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
        "diciembre".split(),
        None,
        "domingo lunes martes miércoles jueves viernes sábado".split(),
    ),
    "it": (
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
        "novembre dicembre".split(),
        None,
        "domenica lunedì martedì mercoledì giovedì venerdì sabato".split(),
    ),
    "pt": (
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
        "dezembro".split(),
        None,
        "domingo segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado".split(),
    ),
    "sv": (
        "januari februari mars april maj juni juli augusti september oktober november "
        "december".split(),
        None,
        "söndag måndag tisdag onsdag torsdag fredag lördag".split(),
    ),
    "ru": (
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(),
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
        "воскресенье понедельник вторник среда четверг пятница суббота".split(),
    ),
    "uk": (
        "січень лютий березень квітень травень червень липень серпень вересень жовтень "
        "листопад грудень".split(),
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада "
        "грудня".split(),
        "неділя понеділок вівторок середа четвер пʼятниця субота".split(),
    ),
    "pl": (
        "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik "
        "listopad grudzień".split(),
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
        "listopada grudnia".split(),
        "niedziela poniedziałek wtorek środa czwartek piątek sobota".split(),
    ),
    "ja": (
        [f"{i}月" for i in range(1, 13)],
        None,
        "日曜日 月曜日 火曜日 水曜日 木曜日 金曜日 土曜日".split(),
    ),
    "zh": (
        [f"{i}月" for i in range(1, 13)],
        None,
        "星期日 星期一 星期二 星期三 星期四 星期五 星期六".split(),
    ),
}


def month_name(lang: str, month: int) -> str:
    entry = NAMES.get(lang)
    return entry[0][month - 1] if entry else MONTHS[month - 1]


def month_name_genitive(lang: str, month: int) -> str:
    entry = NAMES.get(lang)
    if entry is None:
        return MONTHS[month - 1]
    return (entry[1] or entry[0])[month - 1]


def month_abbreviation(lang: str, month: int) -> str:
    entry = NAMES.get(lang)
    if entry is None:
        return MONTHS[month - 1][:3]
    name = entry[0][month - 1]
    return name if len(name) <= 4 else name[:3]


def weekday_name(lang: str, weekday: int) -> str:
    """`weekday` counted from Sunday = 0."""
    entry = NAMES.get(lang)
    return entry[2][weekday] if entry else WEEKDAYS[weekday]


def weekday_abbreviation(lang: str, weekday: int) -> str:
    entry = NAMES.get(lang)
    return entry[2][weekday][:3] if entry else WEEKDAYS[weekday][:3]
