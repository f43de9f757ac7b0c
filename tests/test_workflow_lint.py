"""The GitHub workflows pass zizmor (pinned, run offline), and zizmor really looks: a bad workflow fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ZIZMOR = Path(sys.executable).with_name("zizmor")
BAD_WORKFLOW = ROOT / "tests" / "fixtures" / "workflows" / "usikker.yml"


def _zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--format", "plain", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_projects_workflows_and_dependabot_settings_have_no_findings() -> None:
    result = _zizmor(ROOT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_workflow_with_broad_permissions_and_template_injection_fails() -> None:
    result = _zizmor(BAD_WORKFLOW)
    assert result.returncode != 0
    for audit in ("excessive-permissions", "template-injection", "artipacked"):
        assert audit in result.stdout, result.stdout
