"""Plain numpy (float64) reference implementations of naslab's tensor ops.

Written from the textbook definitions, independent of oneDNN, so the Swift engine's forward
values can be checked against them. PyTorch is not installed on the project's machines
(its PyPI wheel pulls CUDA libraries of several GB), so numpy is the reference.
"""
import numpy as np


def conv2d(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    """Direct convolution: y[n,o,i,j] = b[o] + sum x[n, g*cin+c, i*s+kh*d-p, j*s+kw*d-p] * w[o,c,kh,kw]."""
    n, c, h, wd = x.shape
    o, cin, k, _ = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    span = dilation * (k - 1) + 1
    oh = (h + 2 * padding - span) // stride + 1
    ow = (wd + 2 * padding - span) // stride + 1
    y = np.zeros((n, o, oh, ow))
    opg = o // groups
    for kh in range(k):
        for kw in range(k):
            r0, c0 = kh * dilation, kw * dilation
            patch = xp[:, :, r0:r0 + stride * (oh - 1) + 1:stride, c0:c0 + stride * (ow - 1) + 1:stride]
            for g in range(groups):
                ins = patch[:, g * cin:(g + 1) * cin]
                y[:, g * opg:(g + 1) * opg] += np.einsum("nchw,oc->nohw", ins, w[g * opg:(g + 1) * opg, :, kh, kw])
    if b is not None:
        y += b.reshape(1, -1, 1, 1)
    return y


def batch_norm_train(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    """Normalises with batch statistics (biased variance); running stats use the unbiased variance."""
    axes = (0,) if x.ndim == 2 else (0, 2, 3)
    shape = (1, -1) if x.ndim == 2 else (1, -1, 1, 1)
    mean = x.mean(axis=axes)
    var = x.var(axis=axes)
    m = x.size // x.shape[1]
    y = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps) * gamma.reshape(shape) + beta.reshape(shape)
    new_mean = (1 - momentum) * running_mean + momentum * mean
    new_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    return y, new_mean, new_var


def batch_norm_eval(x, gamma, beta, running_mean, running_var, eps=1e-5):
    shape = (1, -1) if x.ndim == 2 else (1, -1, 1, 1)
    return (x - running_mean.reshape(shape)) / np.sqrt(running_var.reshape(shape) + eps) * gamma.reshape(shape) \
        + beta.reshape(shape)


def pool2d(x, kind, k, stride, padding=0, include_pad=False):
    """Max or average pooling with a square window; padded cells never win a max."""
    n, c, h, w = x.shape
    oh = (h + 2 * padding - k) // stride + 1
    ow = (w + 2 * padding - k) // stride + 1
    fill = -np.inf if kind == "max" else 0.0
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)), constant_values=fill)
    valid = np.pad(np.ones((h, w)), padding)
    y = np.zeros((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            win = xp[:, :, i * stride:i * stride + k, j * stride:j * stride + k]
            if kind == "max":
                y[:, :, i, j] = win.max(axis=(2, 3))
            else:
                count = k * k if include_pad else valid[i * stride:i * stride + k, j * stride:j * stride + k].sum()
                y[:, :, i, j] = win.sum(axis=(2, 3)) / count
    return y


def relu(x):
    return np.maximum(x, 0)


def softmax_cross_entropy(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -logp[np.arange(len(labels)), labels].mean()
