/// The NASNotebook layer; see DESIGN.md for its place in the architecture.
public enum NASNotebookLayer {}
