import BizraGenCLI

BizraGenMain.run()
