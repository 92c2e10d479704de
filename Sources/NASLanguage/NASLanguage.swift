/// The NASLanguage layer; see DESIGN.md for its place in the architecture.
public enum NASLanguageLayer {}
