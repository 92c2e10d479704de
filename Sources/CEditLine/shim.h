#ifndef NASLAB_CEDITLINE_SHIM_H
#define NASLAB_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#endif
