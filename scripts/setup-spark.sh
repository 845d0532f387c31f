#!/usr/bin/env bash
# Installs what the Spark-dialect test needs (CI only; it skips, saying so, without them):
# a JDK from Debian and pyspark from PyPI.
set -euo pipefail
if ! command -v java >/dev/null; then sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless; fi
python3 -m pip install --user 'pyspark==3.5.3'
python3 -c 'import pyspark; print("pyspark", pyspark.__version__)'
