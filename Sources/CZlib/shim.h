#ifndef NASLAB_CZLIB_SHIM_H
#define NASLAB_CZLIB_SHIM_H
#include <zlib.h>
#endif
