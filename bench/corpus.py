"""Deterministic synthetic seed articles shaped like seeds/*.txt, plus Pelican and Hugo twins.

The generator decides each article's forces and breach types itself, so the bare-Pelican and
Hugo corpora get their taxonomies from that knowledge, never from our extraction.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FORCES_FILE = REPO / "breachwatch" / "data" / "forces.yaml"


@dataclass(frozen=True)
class Force:
    """A police force as the generator names it: official name plus aliases."""

    slug: str
    name: str
    aliases: tuple[str, ...]


@dataclass
class SynthArticle:
    """One generated article and the ground truth the twin corpora are built from."""

    index: int
    kind: str  # "case" or "statistics"
    title: str
    date: dt.date
    forces: list[Force]
    breaches: list[str]
    paragraphs: list[str]
    seed_text: str = ""
    file_stem: str = ""
    words: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def slug(self) -> str:
        """Stable, unique slug for the twin corpora."""
        return f"{slugify(self.title)[:60].rstrip('-')}-{self.index:05d}"


# Used only until breachwatch/data/forces.yaml exists (another engineer is writing it).
FALLBACK_FORCES: tuple[Force, ...] = (
    Force("metropolitan-police-service", "Metropolitan Police Service",
          ("the Met", "MPS", "Metropolitan Police", "Met Police")),
    Force("greater-manchester-police", "Greater Manchester Police", ("GMP",)),
    Force("west-midlands-police", "West Midlands Police", ("WMP",)),
    Force("west-yorkshire-police", "West Yorkshire Police", ("WYP",)),
    Force("merseyside-police", "Merseyside Police", ()),
    Force("surrey-police", "Surrey Police", ()),
    Force("kent-police", "Kent Police", ()),
    Force("thames-valley-police", "Thames Valley Police", ("TVP",)),
    Force("avon-and-somerset-constabulary", "Avon and Somerset Constabulary",
          ("Avon and Somerset Police",)),
    Force("devon-and-cornwall-police", "Devon and Cornwall Police", ()),
    Force("south-wales-police", "South Wales Police", ()),
    Force("police-scotland", "Police Scotland", ()),
    Force("police-service-of-northern-ireland", "Police Service of Northern Ireland", ("PSNI",)),
    Force("british-transport-police", "British Transport Police", ("BTP",)),
    Force("lancashire-constabulary", "Lancashire Constabulary", ("Lancashire Police",)),
    Force("hampshire-and-isle-of-wight-constabulary", "Hampshire and Isle of Wight Constabulary",
          ("Hampshire Constabulary", "Hampshire Police")),
)

# Breach slug -> sentences that carry the cue phrases our extraction looks for.
BREACH_CUES: dict[str, tuple[str, ...]] = {
    "unauthorised-access": (
        "{who} accessed police systems without a policing purpose to look up {target}",
        "{who} viewed police records relating to {target} on multiple occasions without a "
        "legitimate reason",
        "{who} carried out {n} unauthorised searches on a police intelligence database",
    ),
    "disclosure-to-third-party": (
        "{who} passed confidential information to {outsider} without authority",
        "{who} shared police information with {outsider} without a policing purpose",
        "{who} disclosed details of an arrest to {outsider}",
    ),
    "leak-to-criminals": (
        "{who} leaked intelligence to a known drug dealer",
        "{who} passed sensitive police information to a prominent criminal",
        "{who} tipped off a suspect about a planned raid",
    ),
    "leak-to-media": (
        "{who} leaked details of an investigation to a journalist",
        "{who} passed information about a celebrity arrest to a tabloid newspaper",
    ),
    "selling-information": (
        "{who} sold confidential details for cash",
        "{who} accepted payment in return for police information, contrary to the Prevention "
        "of Corruption Act",
    ),
    "personal-device": (
        "{who} transferred police information from police systems onto a personal phone",
        "{who} forwarded confidential files to a personal email account",
    ),
    "social-media": (
        "{who} posted details of a police operation on Facebook",
        "{who} shared a photograph of a crime scene on Snapchat",
    ),
    "improper-relationship": (
        "{who} pursued an inappropriate relationship with a woman met during the course of "
        "duties",
        "{who} failed to declare an association with a man under investigation",
    ),
    "data-loss": (
        "{who} lost a bag containing police papers and a work laptop",
        "{who} left an unencrypted memory stick with victims' details on a train",
    ),
    "misuse-of-systems": (
        "{who} used the force email system for dating purposes",
        "{who} searched for pornography on a police computer",
    ),
}

OUTSIDERS = ("embassy staff", "an employer", "a friend", "a relative", "a private investigator",
             "a neighbour", "a former partner")
TARGETS = ("a neighbour", "a former partner", "a celebrity", "a colleague", "a family member",
           "a taxi driver", "a woman he had met online")
WHO = ("The officer", "The constable", "The detective", "The sergeant", "The PCSO",
       "The member of police staff")
FIRST = ("Sal", "Steve", "Katie", "Renate", "David", "Amanda", "Derrick", "Claire", "Mohammed",
         "Emma", "Graham", "Priya", "Owen", "Fiona")
LAST = ("Naseem", "Noonan", "Lilburn", "Samson", "Campbell", "Hughes", "Patel", "Evans",
        "Morgan", "Clarke", "Ballinger", "Okafor", "Reid", "Walsh")
OUTCOMES = (
    ("dismissed without notice", "was dismissed without notice and placed on the barred list"),
    ("given a final written warning", "received a final written warning"),
    ("given a written warning", "received a written warning"),
    ("jailed", "was convicted of misconduct in public office and jailed"),
    ("resigned", "resigned before the hearing"),
    ("suspended", "has been suspended on full pay while the investigation continues"),
)
STANDARDS = ("honesty and integrity", "confidentiality", "orders and instructions",
             "duties and responsibilities", "discreditable conduct",
             "authority, respect and courtesy")
MASTHEADS = ("Harefield Gazette", "Bucks Free Press", "Surrey Comet", "Evening Standard",
             "Manchester Evening News", "Yorkshire Post")
TOP_BOILERPLATE = ("top of page", "Skip to main content", "Menu")
BOTTOM_BOILERPLATE = (
    ("Subscribe now",),
    ("Newspapers in English", "Newspapers from United Kingdom"),
    ("bottom of page",),
    ("What's Hot", "Close"),
    ("An investigative news agency that uncovers agenda-setting stories from across the UK",
     "Receive Free Daily Police Misconduct Hearing Listings", "Subscribe now"),
)
FILLER = (
    "The hearing heard that the searches were made over {n} shifts between {month} {year} and "
    "the following spring.",
    "{person}, who chaired the panel, said the conduct had fallen far below the standard "
    "expected of an officer with {n} years' service.",
    "Records released to the {paper} show {n} similar cases were referred to professional "
    "standards in {year}, up from {m} the year before.",
    "A spokesperson for the Police Federation, {person}, said officers facing allegations were "
    "entitled to a fair hearing.",
    "The officer, who joined the force in {year}, declined to comment when approached by the "
    "{paper}.",
    "Officers are usually named during misconduct proceedings, but legally qualified chairs "
    "can withhold their identities if there are concerns about mental health, vulnerable "
    "witnesses or sensitive policing roles.",
    "The standards of professional behaviour require officers to treat information with "
    "respect and to access or disclose it only for a legitimate policing purpose.",
    "Campaigners have called for tougher penalties, saying that a written warning does little "
    "to deter officers who browse records out of curiosity.",
    "The hearing was told that every search on the force database is logged and can be "
    "audited, which is how the searches came to light.",
    "A misconduct panel can impose outcomes ranging from management advice to dismissal "
    "without notice, and officers who are dismissed are placed on the barred list.",
    "The force said it had reviewed its security procedures and reminded every employee of "
    "their responsibilities under data protection law.",
    "Figures obtained under the Freedom of Information Act show that most breaches end with "
    "no formal action, while a small number lead to criminal prosecution.",
    "The Information Commissioner's Office said police forces hold some of the most sensitive "
    "personal data in the country and must be held to the highest standard.",
    "The panel heard that the officer had completed mandatory training on information "
    "security only weeks before the searches began.",
    "Union representatives said the officer had an otherwise unblemished record and had shown "
    "remorse throughout the proceedings.",
    "Civil liberties groups said the case showed why access to police databases must be "
    "monitored more closely.",
    "The Independent Office for Police Conduct said it would publish its findings once any "
    "criminal proceedings had concluded.",
)
QUOTES = (
    "Police officers are put in positions of trust where they have access to confidential and "
    "sensitive information.",
    "Viewing police records without a legitimate reason is unacceptable and damages the "
    "public's trust in police officers.",
    "Everyone who works in our organisation knows that police systems must only be used when "
    "there is a legitimate reason for doing so.",
    "Honesty and integrity are at the heart of everything we do and we will hold to account "
    "those who do not meet these values.",
    "We trust the police to keep us safe, and that is as much about keeping our data secure "
    "as protecting us on the streets.",
    "The extent to which officers have used confidential police information for their own "
    "ends is astonishing.",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def slugify(text: str) -> str:
    """Lower-case ASCII slug, the same idea as Pelican's and Hugo's."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _entries(data: object) -> list[dict]:
    """Flatten the plausible shapes of forces.yaml (list, or mapping slug -> entry)."""
    if isinstance(data, dict) and "forces" in data:
        data = data["forces"]
    if isinstance(data, dict):
        return [{"slug": key, **(value if isinstance(value, dict) else {"name": value})}
                for key, value in data.items()]
    return [entry for entry in data or [] if isinstance(entry, dict)]


def load_forces(path: Path = FORCES_FILE) -> tuple[tuple[Force, ...], str]:
    """Read forces and aliases from the data file, so the corpus names what we recognise."""
    if not path.exists():
        return FALLBACK_FORCES, f"built-in list ({path.name} not found)"
    try:
        entries = _entries(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError) as error:
        return FALLBACK_FORCES, f"built-in list ({path.name} unreadable: {error})"
    forces = []
    for entry in entries:
        name = entry.get("name") or entry.get("official_name") or entry.get("title")
        if not isinstance(name, str):
            continue
        aliases: list[str] = []
        for key in ("aliases", "abbreviations", "also", "spellings", "names"):
            value = entry.get(key)
            if isinstance(value, list):
                aliases += [a for a in value if isinstance(a, str) and a != name]
        forces.append(Force(str(entry.get("slug") or slugify(name)), name, tuple(aliases)))
    if len(forces) < 5:
        return FALLBACK_FORCES, f"built-in list ({path.name} has only {len(forces)} forces)"
    shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    return tuple(forces), f"{shown} ({len(forces)} forces)"


def _date_phrase(rng: random.Random, day: dt.date) -> str:
    """A date as news text writes it, so date inference has something to find."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _cue(rng: random.Random, breach: str, who: str) -> str:
    """One sentence carrying a cue phrase for `breach`."""
    template = rng.choice(BREACH_CUES[breach])
    return template.format(who=who, target=rng.choice(TARGETS), outsider=rng.choice(OUTSIDERS),
                           n=rng.randint(3, 60))


def _filler(rng: random.Random) -> str:
    """A paragraph of generic misconduct-reporting sentences with varied details."""
    sentences = rng.sample(FILLER, rng.randint(1, 4))
    return " ".join(s.format(n=rng.randint(2, 40), m=rng.randint(2, 40), year=rng.randint(
        1995, 2023), month=rng.choice(MONTHS), person=_person(rng), paper=rng.choice(
        MASTHEADS)) for s in sentences)


def _person(rng: random.Random) -> str:
    """A made-up name for a quoted official."""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _quote(rng: random.Random, speaker: str) -> str:
    """A quoted paragraph in the curly-quote style of the seeds."""
    said = " ".join(rng.sample(QUOTES, rng.randint(1, 2)))
    return f"{speaker} said: “{said}”"


def _mention(rng: random.Random, force: Force) -> str:
    """The force's official name or one of its aliases."""
    if force.aliases and rng.random() < 0.5:
        return rng.choice(force.aliases)
    return force.name


def _case(rng: random.Random, forces: tuple[Force, ...], day: dt.date) -> tuple:
    """A single-case story: one force, one to three breach types, a hearing and quotes."""
    force = rng.choice(forces)
    breaches = rng.sample(sorted(BREACH_CUES), rng.choice((1, 1, 2, 2, 3)))
    short, outcome = rng.choice(OUTCOMES)
    lead = _cue(rng, breaches[0], "an officer").removeprefix("an officer ")
    title = f"{force.name} officer {short} after he {lead}"
    title = title[0].upper() + title[1:]
    start = day - dt.timedelta(days=rng.randint(200, 900))
    paragraphs = [
        f"A {force.name} officer {outcome} after a misconduct hearing found that he "
        f"{lead}.",
        f"It was alleged that between {MONTHS[start.month - 1]} {start.year} and "
        f"{MONTHS[day.month - 1]} {day.year}, "
        + "; ".join(_cue(rng, b, "the officer") for b in breaches) + ".",
        f"The panel, which sat on {_date_phrase(rng, day)}, found that he breached the "
        f"standards of professional behaviour relating to "
        + ", ".join(rng.sample(STANDARDS, rng.randint(1, 3))) + ".",
        _quote(rng, f"IOPC Regional Director {_person(rng)}"),
        _quote(rng, f"A {_mention(rng, force)} spokesperson"),
    ]
    return title, [force], breaches, paragraphs


def _statistics(rng: random.Random, forces: tuple[Force, ...], day: dt.date) -> tuple:
    """A statistics story: national or force figures, several forces, several breach types."""
    about = rng.sample(forces, rng.randint(2, 4))
    breaches = rng.sample(sorted(BREACH_CUES), rng.randint(2, 4))
    total = rng.randint(150, 2500)
    years = rng.choice(("three", "four", "five"))
    title = (f"{about[0].name} officers breached data protection rules {total} times "
             f"in {years} years")
    counts = sorted((rng.randint(10, total // 2) for _ in about), reverse=True)
    ranking = f"{about[0].name} ranked top with {counts[0]} breaches, followed by " + ", ".join(
        f"{f.name} with {c}" for f, c in zip(about[1:], counts[1:], strict=True)) + "."
    paragraphs = [
        f"Figures obtained by campaign group Big Brother Watch have revealed there were at "
        f"least {total} data breaches across UK police forces in the past {years} years.",
        ranking,
        "Among the cases, " + "; ".join(
            _cue(rng, b, "one officer").removeprefix("one ") for b in breaches) + ".",
        f"In total, {rng.randint(10, 90)} per cent of the breach offences were committed by "
        f"police officers, while the rest were by civilian members of staff.",
        _quote(rng, f"{_person(rng)}, chief executive of Big Brother Watch"),
        _quote(rng, f"A {_mention(rng, about[0])} spokesperson"),
    ]
    return title, about, breaches, paragraphs


def _layout(rng: random.Random, title: str, paragraphs: list[str]) -> str:
    """Seed text with boilerplate and one of the seeds' paragraph layouts."""
    top: list[str] = []
    if rng.random() < 0.3:
        top.append(rng.choice(TOP_BOILERPLATE))
    if rng.random() < 0.2:
        top.append(rng.choice(MASTHEADS))
    bottom = list(rng.choice(BOTTOM_BOILERPLATE)) if rng.random() < 0.7 else []
    style = rng.choices(("blank", "lines", "block"), weights=(6, 3, 1))[0]
    if style == "block":
        body = [title, " ".join(paragraphs)]
        sep = "\n\n"
    elif style == "lines":
        body = [title, *paragraphs]
        sep = "\n"
    else:
        body = [title, *paragraphs]
        sep = "\n\n"
    return "\n\n".join(top + [sep.join(body)] + bottom) + "\n"


def make_article(index: int, seed: int, forces: tuple[Force, ...],
                 target_words: int = 600) -> SynthArticle:
    """Article `index` of the corpus; independent of N, so corpora nest."""
    rng = random.Random(f"{seed}:{index}")
    day = dt.date(2011, 1, 1) + dt.timedelta(days=rng.randrange(14 * 365))
    kind = "statistics" if rng.random() < 0.3 else "case"
    build = _statistics if kind == "statistics" else _case
    title, about, breaches, paragraphs = build(rng, forces, day)
    words = rng.randint(target_words - 200, target_words + 200)
    count = sum(len(p.split()) for p in paragraphs)
    while count < words:
        para = _filler(rng)
        paragraphs.insert(rng.randint(2, len(paragraphs)), para)
        count += len(para.split())
    article = SynthArticle(index, kind, title, day, list(about), sorted(breaches), paragraphs,
                           words=count)
    article.seed_text = _layout(rng, title, paragraphs)
    digest = hashlib.sha256(article.seed_text.encode()).hexdigest()[:16]
    article.file_stem = f"{index:05d}_{digest}"
    return article


def generate(n: int, seed: int = 2024) -> tuple[list[SynthArticle], str]:
    """The whole corpus and where its force names came from."""
    forces, source = load_forces()
    return [make_article(i, seed, forces) for i in range(n)], source


def body_markdown(article: SynthArticle) -> str:
    """The article body as Markdown paragraphs, identical for Pelican and Hugo."""
    return "\n\n".join(article.paragraphs) + "\n"


def write_seeds(articles: list[SynthArticle], folder: Path) -> None:
    """Plain-text seeds for our pipeline, named like seeds/*.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.file_stem}.txt").write_text(article.seed_text, encoding="utf-8")


def write_pelican(articles: list[SynthArticle], folder: Path) -> None:
    """Bare-Pelican Markdown: forces (official names) and breach slugs as tags."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        tags = ", ".join([f.name for f in article.forces] + article.breaches)
        head = (f"Title: {article.title}\nDate: {article.date.isoformat()}\n"
                f"Slug: {article.slug}\nTags: {tags}\n\n")
        (folder / f"{article.file_stem}.md").write_text(head + body_markdown(article),
                                                         encoding="utf-8")


def write_hugo(articles: list[SynthArticle], folder: Path) -> None:
    """Hugo Markdown with `forces` and `breaches` taxonomies in YAML front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        front = {"title": article.title, "date": article.date.isoformat(), "slug": article.slug,
                 "forces": [f.name for f in article.forces], "breaches": article.breaches}
        head = "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n\n"  # JSON is YAML
        (folder / f"{article.file_stem}.md").write_text(head + body_markdown(article),
                                                         encoding="utf-8")


def write_all(n: int, seed: int, root: Path) -> tuple[list[SynthArticle], str]:
    """Seeds, Pelican and Hugo twins of one corpus under `root`."""
    articles, source = generate(n, seed)
    for old in ("seeds", "pelican-content", "hugo-content"):
        shutil.rmtree(root / old, ignore_errors=True)
    write_seeds(articles, root / "seeds")
    write_pelican(articles, root / "pelican-content")
    write_hugo(articles, root / "hugo-content")
    truth = [{"seed": a.file_stem + ".txt", "kind": a.kind, "forces": [f.slug for f in a.forces],
              "breaches": a.breaches, "date": a.date.isoformat()} for a in articles]
    (root / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return articles, source


def main(argv: list[str] | None = None) -> int:
    """CLI: write a corpus to a folder, for looking at or for a manual build."""
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=2024, help="random seed")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "work" / "corpus")
    args = parser.parse_args(argv)
    articles, source = write_all(args.n, args.seed, args.out)
    words = sum(a.words for a in articles) / max(len(articles), 1)
    print(f"{len(articles)} articles ({words:.0f} words on average, forces from {source}) "
          f"in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
