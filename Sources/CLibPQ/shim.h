#ifndef NASLAB_CLIBPQ_SHIM_H
#define NASLAB_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
