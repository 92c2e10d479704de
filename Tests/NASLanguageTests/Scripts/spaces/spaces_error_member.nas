a = mobilenetv2()
a.index   # expect error: architecture has no field 'index'
