extension Dataset {
    /// A data set from a user's files: a training file, and optionally separate validation and
    /// test files, all in one `format`.
    ///
    /// A part without its own file is drawn from the training file by a seeded shuffle: `valid`
    /// and `test` samples, 15% of the training file each unless given (`train` defaults to the
    /// rest). Every file must have the training file's columns (CSV) or sample shape (IDX, NPY),
    /// and labels in `0..<classes`; `classes` defaults to the training file's largest label + 1
    /// (10 for IDX). A file that disagrees is an error naming it.
    public static func files(_ format: DataFormat, trainFile file: DataFile, validFile: DataFile? = nil,
                             testFile: DataFile? = nil, classes: Int? = nil, train: Int? = nil, valid: Int? = nil,
                             test: Int? = nil, seed: UInt64 = 1) throws -> Dataset {
        let pool = try Part.read(format, file)
        let validPart = try validFile.map { try Part.read(format, $0).checked(like: pool) }
        let testPart = try testFile.map { try Part.read(format, $0).checked(like: pool) }
        let k = classes ?? (format == .idx ? 10 : (pool.data.labels.max() ?? 0) + 1)
        for part in [pool] + [validPart, testPart].compactMap({ $0 }) {
            try part.validate(classes: k, inferredFrom: classes == nil && format != .idx ? file.path : nil)
        }
        let fifteenPercent = pool.data.count * 15 / 100
        let validCount = validPart == nil ? valid ?? fifteenPercent : 0
        let testCount = testPart == nil ? test ?? fifteenPercent : test
        var data = try Dataset(name: name(train: file, valid: validFile, test: testFile), pool: pool.data,
                               validSet: validPart?.data, testSet: testPart?.data, classes: k, train: train,
                               valid: validCount, test: testCount, seed: seed)
        data.origin = DataOrigin(format: format, trainFile: DataOrigin.absolute(file), validFile: validFile.map(DataOrigin.absolute),
                                 testFile: testFile.map(DataOrigin.absolute), classes: classes, train: train, valid: valid,
                                 test: test, seed: seed)
        return data
    }

    /// A data set from a CSV file (features and a label column; `shape` gives images their shape).
    public static func csv(_ path: String, label: String, shape: [Int]? = nil, classes: Int? = nil,
                           valid: Int? = nil, test: Int? = nil, seed: UInt64 = 1) throws -> Dataset {
        try files(.csv(label: label, shape: shape), trainFile: DataFile(path), classes: classes, valid: valid, test: test,
                  seed: seed)
    }

    /// The name of a data set read from files: the training file's path, then any other files
    /// (so that results cached for one test file are never served for another).
    static func name(train: DataFile, valid: DataFile?, test: DataFile?) -> String {
        let others = [("valid", valid), ("test", test)].compactMap { name, file in file.map { "\(name): \($0.path)" } }
        return others.isEmpty ? train.path : "\(train.path) (\(others.joined(separator: ", ")))"
    }

    /// The samples of one file, with what its agreement with the training file is checked on.
    private struct Part {
        var file: DataFile
        var data: LabeledData
        /// CSV: the header, which every file of the data set must share.
        var columns: [String]?

        /// Reads a file of `format`; labels are checked against the classes later, for all files at once.
        static func read(_ format: DataFormat, _ file: DataFile) throws -> Part {
            switch format {
            case .csv(let label, let shape):
                let document = try CSVReader.document(file.path)
                return Part(file: file, data: try CSVReader.dataset(document, label: label, shape: shape, classes: Int.max),
                            columns: document.header)
            case .idx:
                return Part(file: file, data: try IDXReader.dataset(images: file.path, labels: try labels(of: file),
                                                                    classes: Int.max), columns: nil)
            case .npy(let scale):
                return Part(file: file, data: try NPYReader.dataset(features: file.path, labels: try labels(of: file),
                                                                    classes: Int.max, scale: scale), columns: nil)
            }
        }

        /// The labels file that IDX and NPY need.
        private static func labels(of file: DataFile) throws -> String {
            guard let labels = file.labels else { throw DatasetError(file: file.path, "needs its labels file") }
            return labels
        }

        /// This part, or an error naming its file when its columns or sample shape differ from `train`'s.
        func checked(like train: Part) throws -> Part {
            if let columns, let expected = train.columns, columns != expected {
                throw DatasetError(file: file.path, "has the columns \(columns.joined(separator: ", ")), but the training "
                    + "file \(train.file.path) has \(expected.joined(separator: ", ")); every file of a data set needs the same columns")
            }
            guard data.shape == train.data.shape else {
                throw DatasetError(file: file.path, "has samples of shape \(data.shape), but the training file "
                    + "\(train.file.path) has \(train.data.shape)")
            }
            return self
        }

        /// Checks every label against `classes`; `inferredFrom` names the training file when the
        /// classes came from its labels, which the error then says.
        func validate(classes: Int, inferredFrom trainingFile: String?) throws {
            let labelsFile = file.labels ?? file.path
            do { try data.validate(classes: classes, file: labelsFile) } catch let error as DatasetError {
                guard let trainingFile, trainingFile != file.path else { throw error }
                throw DatasetError(file: error.file, error.reason + " (the classes of the training file \(trainingFile); "
                    + "give classes: to set them)")
            }
        }
    }
}
