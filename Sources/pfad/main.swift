import PfadCommands

PfadMain.run()
