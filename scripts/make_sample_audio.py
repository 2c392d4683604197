"""Make the sample hall's placeholder recordings of the audio guide.

Each recording says, in its own language, that it is a placeholder to be replaced, so a
visitor who hears one knows it is not the exhibit's guide. They are committed: the build
never runs this script. It needs two Debian packages only here:

    apt-get install espeak-ng lame     # speech synthesis; MP3 encoder

Run from the repository root:  .venv/bin/python scripts/make_sample_audio.py
Output: a few tens of KB each (mono, 32 kbit/s, 22 kHz: speech needs no more).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: (file, espeak-ng voice, words per minute, text): the two Chinese ones at different speeds, so
#: they differ by content and are published as two files (tests follow one into the other). 101 and 102 follow each other on the route, so the sample
#: shows "continue with the next stop"; 101 has English too, 102 only Chinese (the English page
#: offers the Chinese recording); 201 (the mosque) has none and reads its page aloud instead.
RECORDINGS = (
    ("exhibits/prologue/exhibition-hall/audio.zh.mp3", "cmn", 150,
     "这是一段占位录音，请替换为本展品的正式讲解录音。"),
    ("exhibits/prologue/exhibition-hall/audio.en.mp3", "en", 150,
     "This is a placeholder recording. Please replace it with this exhibit's audio guide."),
    ("exhibits/prologue/one-family/audio.zh.mp3", "cmn", 140,
     "这是一段占位录音，请替换为本展品的正式讲解录音。"),
)


def make(target: Path, voice: str, speed: int, text: str) -> None:
    speech = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", text],
                            check=True, capture_output=True).stdout
    subprocess.run(["lame", "--quiet", "-m", "m", "-b", "32", "--resample", "22.05", "-", str(target)],
                   input=speech, check=True)


def main() -> int:
    missing = [tool for tool in ("espeak-ng", "lame") if shutil.which(tool) is None]
    if missing:
        print(f"缺少 {' '.join(missing)}：apt-get install espeak-ng lame / Missing {' '.join(missing)}.", file=sys.stderr)
        return 1
    for name, voice, speed, text in RECORDINGS:
        target = ROOT / name
        make(target, voice, speed, text)
        print(f"{name}: {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
