search --version
