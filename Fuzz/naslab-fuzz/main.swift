// libFuzzer entry point arrives with the language.
