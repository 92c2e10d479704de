#ifndef NASLAB_CDNNL_SHIM_H
#define NASLAB_CDNNL_SHIM_H
#include <dnnl.h>
#include <dlfcn.h>

/// Sets the OpenMP thread count of the calling thread (oneDNN's Debian build uses libgomp).
/// Looked up at run time because Debian ships no `libgomp.so` link-time symlink.
static inline int naslab_omp_set_num_threads(int n) {
    void (*set)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_num_threads");
    if (!set) return 0;
    set(n);
    return 1;
}

/// The OpenMP thread count parallel regions started from the calling thread will use (0: unknown).
static inline int naslab_omp_get_max_threads(void) {
    int (*get)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "omp_get_max_threads");
    return get ? get() : 0;
}
#endif
