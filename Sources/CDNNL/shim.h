#ifndef NASLAB_CDNNL_SHIM_H
#define NASLAB_CDNNL_SHIM_H
#include <dnnl.h>
#endif
