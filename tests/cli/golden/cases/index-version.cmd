index --version
