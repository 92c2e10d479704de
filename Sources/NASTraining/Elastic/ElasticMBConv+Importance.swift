import NASTensor

extension ElasticMBConv {
    /// Puts the hidden channels in order of importance (Cai et al. §3.2, elastic width): the L1 norm
    /// of each hidden channel's projection weights, largest first; the squeeze-excite bottleneck's
    /// channels likewise by their SE-expansion weights. The full layer computes the same function
    /// afterwards; a smaller expansion then keeps the most important channels.
    func sortByImportance() {
        guard let expand, let expandBN else { return }  // without an expansion the hidden channels are the input's
        let order = ElasticPermutation.descending(ElasticPermutation.l1(project, axis: 1))
        ElasticPermutation.permute(project, axis: 1, order)
        ElasticPermutation.permute(depthwise, axis: 0, order)
        depthwiseBN.permute(order)
        ElasticPermutation.permute(expand, axis: 0, order)
        expandBN.permute(order)
        guard let seReduce, let seReduceBias, let seExpand, let seExpandBias else { return }
        ElasticPermutation.permute(seReduce, axis: 1, order)
        ElasticPermutation.permute(seExpand, axis: 0, order)
        ElasticPermutation.permute(seExpandBias, axis: 0, order)
        let reduced = ElasticPermutation.descending(ElasticPermutation.l1(seExpand, axis: 1))
        ElasticPermutation.permute(seExpand, axis: 1, reduced)
        ElasticPermutation.permute(seReduce, axis: 0, reduced)
        ElasticPermutation.permute(seReduceBias, axis: 0, reduced)
    }
}
