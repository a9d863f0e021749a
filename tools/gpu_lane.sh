#!/usr/bin/env bash
# The gpu lane, for a machine with a CUDA GPU. From the repository root:
#
#     tools/gpu_lane.sh
#
# 1. uses $GPU_PYTHON if set (a Python whose torch is a CUDA build, with pytest),
#    else the venv .venv-gpu, created from requirements.txt if missing
#    (torch==2.13.0 from PyPI is a CUDA build on Linux);
# 2. captures the CUDA outputs: pytest -m gpu --refresh-outputs writes every
#    snippets/*/NN_name.cuda.out a page shows in a CUDA tab (the tab appears on the
#    site once the file exists: hooks/gpu_outputs.py) and each such chapter's
#    produced-by.cuda.txt;
# 3. runs the gpu tests again without the flag: they must pass;
# 4. measures CPU against GPU: python -m tools bench devices --write writes
#    snippets/gpu-training/measured-speed.txt;
# 5. regenerates the notebooks, which show those outputs and figures.
# Then review `git diff snippets/` and commit what it captured.
# Every step is bounded in time (seconds, overridable: GPU_LANE_TIMEOUT).
set -euo pipefail
cd "$(dirname "$0")/.."

limit="${GPU_LANE_TIMEOUT:-900}"

if [ -n "${GPU_PYTHON:-}" ]; then
  python="$GPU_PYTHON"
else
  if [ ! -x .venv-gpu/bin/python ]; then
    echo "gpu lane: creating .venv-gpu from requirements.txt"
    python3 -m venv .venv-gpu
    timeout "$limit" .venv-gpu/bin/pip install -q -r requirements.txt
  fi
  python=.venv-gpu/bin/python
fi

if ! "$python" -c "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)"; then
  "$python" -c "import torch; print('gpu lane: torch', torch.__version__, \
'(CUDA build: ' + str(torch.version.cuda) + ') sees no CUDA device')" >&2 || true
  echo "gpu lane: stopping; it needs a CUDA GPU and a CUDA build of torch (set GPU_PYTHON)" >&2
  exit 1
fi
"$python" -c "import torch; print('gpu lane: torch', torch.__version__, 'on', \
torch.cuda.get_device_name(0), 'x', torch.cuda.device_count())"

# Only pytest (and pytest-timeout if present) is needed: the lane does not use
# the project's default options (--codeblocks needs pytest-codeblocks).
pytest=("$python" -m pytest tests/test_gpu.py -m gpu -p no:cacheprovider -o addopts="-ra" -q)

echo "gpu lane: 1/4 capturing the CUDA outputs"
timeout "$limit" "${pytest[@]}" --refresh-outputs

echo "gpu lane: 2/4 checking them"
timeout "$limit" "${pytest[@]}"

echo "gpu lane: 3/4 measuring CPU against GPU"
timeout "$limit" "$python" -m tools bench devices --write

echo "gpu lane: 4/4 regenerating the notebooks (they show the CUDA outputs and figures)"
timeout "$limit" "$python" -m tools notebooks

echo "gpu lane: done. Review and commit: git status snippets/; git diff snippets/"
